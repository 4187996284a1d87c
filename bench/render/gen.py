#!/usr/bin/env python3
"""Generates the benchmark inputs for bench/render/run.sh under DIR:
  DIR/many/   hoist.yaml + base/ + overlays/o000..o099 (namespace, prefix, labels, image, patch)
  DIR/large/  base/ with 4,000 resources (2,000 Deployments + 2,000 Services) + overlay/ with patches
"""
import os
import sys

out = sys.argv[1]


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def deployment(name):
    return f"""apiVersion: apps/v1
kind: Deployment
metadata:
  name: {name}
  labels: {{app: {name}}}
spec:
  replicas: 1
  selector:
    matchLabels: {{app: {name}}}
  template:
    metadata:
      labels: {{app: {name}}}
    spec:
      containers:
      - name: main
        image: registry.local/{name}:1.0
        ports:
        - containerPort: 8080
        env:
        - name: MODE
          value: base
        resources:
          requests: {{cpu: 10m, memory: 32Mi}}
"""


def service(name):
    return f"""apiVersion: v1
kind: Service
metadata:
  name: {name}
spec:
  selector: {{app: {name}}}
  ports:
  - port: 80
    targetPort: 8080
"""


# 100 small overlays over one base
many = os.path.join(out, "many")
write(f"{many}/base/kustomization.yaml", "resources:\n- app.yaml\nconfigMapGenerator:\n- name: cfg\n  literals: [a=1]\n")
write(f"{many}/base/app.yaml", deployment("app") + "---\n" + service("app"))
names = [f"o{i:03d}" for i in range(100)]
write(f"{many}/hoist.yaml", "project: bench\nregistry: registry.local/bench\napps: []\noverlays: [" + ", ".join(names)
      + "]\nartifact:\n  repository: manifests/bench\nclusters: []\n")
for n in names:
    write(f"{many}/overlays/{n}/kustomization.yaml", f"""namespace: ns-{n}
namePrefix: {n}-
resources:
- ../../base
labels:
- pairs: {{overlay: {n}}}
  includeSelectors: true
images:
- name: registry.local/app
  newTag: "{n}"
configMapGenerator:
- name: cfg
  behavior: merge
  literals: [overlay={n}]
patches:
- target: {{kind: Deployment}}
  patch: |-
    - op: replace
      path: /spec/replicas
      value: 2
""")

# one overlay over 4,000 resources
large = os.path.join(out, "large")
resources = []
for f in range(40):
    docs = []
    for i in range(50):
        name = f"svc-{f:02d}-{i:02d}"
        docs.append(deployment(name))
        docs.append(service(name))
    write(f"{large}/base/r{f:02d}.yaml", "---\n".join(docs))
    resources.append(f"r{f:02d}.yaml")
write(f"{large}/base/kustomization.yaml", "resources:\n" + "".join(f"- {r}\n" for r in resources))
write(f"{large}/overlay/kustomization.yaml", """namespace: big
namePrefix: big-
resources:
- ../base
commonLabels:
  env: bench
commonAnnotations:
  owner: bench
images:
- name: registry.local/svc-00-00
  newTag: "2.0"
patches:
- target: {kind: Deployment}
  patch: |-
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: any
    spec:
      template:
        spec:
          containers:
          - name: main
            env:
            - name: MODE
              value: overlay
- target: {kind: Service, name: "svc-1.*"}
  patch: |-
    - op: add
      path: /metadata/annotations/patched
      value: "true"
- target: {kind: Deployment, name: svc-00-00}
  patch: |-
    - op: replace
      path: /spec/replicas
      value: 3
""")
