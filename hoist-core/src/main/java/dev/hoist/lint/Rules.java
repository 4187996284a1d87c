package dev.hoist.lint;

import java.util.List;
import java.util.Optional;

/** Every lint rule, in the order of {@code hoist lint --explain} and the README's table. */
public final class Rules {
  static final List<Rule> ALL =
      List.of(
          new PlaintextSecret(),
          new EnvCredentials(),
          new ImageTag(),
          new ImageNotPinned(),
          new MissingProbes(),
          new NoResourceRequests(),
          new Privileged(),
          new RunsAsRoot(),
          new SelectorMismatch(),
          new ServiceSelectsNothing(),
          new HpaTarget(),
          new HpaMemoryScaleIn(),
          new SingleReplica(),
          new ExposedInProduction(),
          new JobLimits(),
          new MemoryLimitBelowRequest(),
          new WritableRootFilesystem(),
          new PrivilegeEscalation(),
          new HostPathVolume(),
          new NoDisruptionBudget(),
          new ReplicasWithAutoscaler(),
          new HpaBounds(),
          new HpaVpaConflict(),
          new IngressBackend(),
          new SelectsNothing(),
          new MissingClaim(),
          new MissingConfig(),
          new ProbePorts(),
          new IdenticalProbes(),
          new ServiceTargetPort(),
          new ProductionFollowsLatest(),
          new UnitWithoutTimeout(),
          new OverlayKinds(),
          new EnvFiles());

  private Rules() {}

  public static List<Rule> all() {
    return ALL;
  }

  public static Optional<Rule> byId(String id) {
    return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
  }
}
