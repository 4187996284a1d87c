"""kustomize's test harness (api/testutils/kusttest) as the trees are concerned: WriteK/WriteC/WriteF
put files in an in-memory file system, Run/RunWithErr record a Tree (the files so far, the path, the
flags giving the build's options), and testing.T's methods."""
import posixpath

from govalues import Stop, Struct, Unsupported, is_opaque, make_options, opaque


K_HEADER = b"\napiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n"
C_HEADER = b"\napiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n"


def clean(p):
    """Go's filepath.Clean, with the in-memory file system's root "/" for relative paths."""
    return posixpath.normpath(posixpath.join("/", p.decode()))


class Tree:
    def __init__(self, files, path, flags, expect_error, note):
        self.files, self.path, self.flags, self.expect_error, self.note = files, path, flags, expect_error, note


class Harness:
    def __init__(self):
        self.files = {}
        self.plugin_config = None


class HarnessMethod:
    WRITES = {"WriteK", "WriteC", "WriteF", "Run", "RunWithErr"}

    def __init__(self, th, name):
        self.th, self.name, self.writes = th, name, name in self.WRITES

    def __call__(self, interp, args):
        th, n = self.th, self.name
        if self.writes and any(is_opaque(a) for a in args[:2]):
            raise Unsupported(f"th.{n} of a value computed by kustomize or another package")
        if n in ("WriteK", "WriteC"):  # api/testutils/kusttest/harness.go: the header, then the content
            th.files[clean(args[0]) + "/kustomization.yaml"] = (K_HEADER if n == "WriteK" else C_HEADER) + args[1]
        elif n == "WriteF":
            th.files[clean(args[0])] = args[1]
        elif n in ("MakeDefaultOptions", "MakeOptionsPluginsDisabled"):
            return make_options()
        elif n == "MakeOptionsPluginsEnabled":
            return make_options(plugins=True)
        elif n in ("Run", "RunWithErr"):
            try:
                tree = Tree(dict(th.files), clean(args[0]), flags(args[1]), n == "RunWithErr", "")
            except Unsupported as e:  # not comparable; the test goes on (the build's result is opaque anyway)
                tree = Tree(dict(th.files), clean(args[0]), None, n == "RunWithErr", str(e))
            interp.trees.append(tree)
            return opaque()
        elif n.startswith("AssertActualEqualsExpected") or n in ("GetT", "Reset"):
            return None  # checks; Reset cleans up an enhanced harness's plugin environment
        elif n == "WriteLegacyConfigs":
            # harness.go: the values of builtinpluginconsts.GetDefaultFieldSpecsAsMap() concatenated, in Go's
            # map order (random: any order is a run of the test), computed from kustomize's own source
            import goeval
            consts = interp.package.load("api/internal/konfig/builtinpluginconsts")
            sub = goeval.Interpreter(consts)
            specs = sub.call(consts.lookup("GetDefaultFieldSpecsAsMap", sub), [])
            th.files[clean(args[0])] = b"".join(specs.values())
        elif n == "GetPluginConfig":
            # harnessenhanced.go: the config of the harness's own plugin loader (its LoadAndRun...
            # helpers); th.Run builds with the options it is given
            if th.plugin_config is None:
                th.plugin_config = Struct("PluginConfig", {})
            return th.plugin_config
        elif n == "PrepBuiltin":
            return th  # compiles a built-in plugin for plugin-enabled builds; builtins run compiled in anyway
        else:
            raise Unsupported(f"th.{n}")
        return None


def flags(o):
    """The command-line flags (the same for kubectl kustomize and hoist render) giving options o."""
    if o["PluginConfig"].enabled:
        raise Unsupported("builds with plugins enabled (exec and Go plugins: not in hoist)")
    if o["AddManagedbyLabel"]:
        raise Unsupported("builds with AddManagedbyLabel (a deprecated kustomize flag hoist does not have)")
    out = []
    if o["LoadRestrictions"] == b"LoadRestrictionsNone":
        out += ["--load-restrictor", "LoadRestrictionsNone"]
    elif o["LoadRestrictions"] != b"LoadRestrictionsRootOnly":
        raise Unsupported(f"load restrictions {o['LoadRestrictions']!r}")
    if o["Reorder"] not in (b"none", b"legacy", b"unspecified"):
        raise Unsupported(f"reorder {o['Reorder']!r}")
    # Reorder: both renderers are run with kubectl's default (kustomization sortOptions, else legacy)
    return out


class TestingT:
    def __init__(self):
        pass


def t_method(name):
    def run(interp, args):
        if name == "Run":
            try:
                interp.call(args[1], [TestingT()])
            except Stop:
                pass
            return True
        if name in ("Helper", "Parallel", "Log", "Logf", "Error", "Errorf", "Name"):
            return b"" if name == "Name" else None
        if name in ("Skip", "Skipf", "SkipNow"):
            raise Stop()
        if name in ("Fatal", "Fatalf", "FailNow", "Fail"):
            if interp.speculative:
                raise Stop()
            raise Unsupported("reaches t." + name + " (the reading went wrong)")
        raise Unsupported("t." + name)
    return run
