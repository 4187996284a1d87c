package dev.hoist.init;

import java.util.List;

/** The Kubernetes manifests {@code hoist init} starts a project with (they pass hoist lint). */
final class Templates {
  private Templates() {}

  static String workload(String app) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: APP
        spec:
          # no replicas: the HorizontalPodAutoscaler below owns the count (minReplicas is the floor)
          selector:
            matchLabels:
              app: APP
          template:
            metadata:
              labels:
                app: APP
            spec:
              securityContext:
                runAsNonRoot: true
                runAsUser: 65532
              containers:
                - name: APP
                  # the name the overlays pin: hoist release sets newName and digest there
                  image: APP
                  ports:
                    - name: http
                      containerPort: 8080
                  readinessProbe:
                    httpGet: {path: /health, port: http}
                    periodSeconds: 5
                  livenessProbe:
                    httpGet: {path: /health, port: http}
                    initialDelaySeconds: 20
                    periodSeconds: 10
                  resources:
                    requests: {cpu: 100m, memory: 256Mi}
                    limits: {memory: 512Mi}
                  securityContext:
                    allowPrivilegeEscalation: false
                    readOnlyRootFilesystem: true
                    capabilities: {drop: [ALL]}
                  volumeMounts:
                    - {name: tmp, mountPath: /tmp}
              volumes:
                - {name: tmp, emptyDir: {}}
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: APP
        spec:
          selector:
            app: APP
          ports:
            - {name: http, port: 80, targetPort: http}
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata:
          name: APP
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: APP}
          minReplicas: 2
          maxReplicas: 6
          metrics:
            - type: Resource
              resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata:
          name: APP
        spec:
          minAvailable: 1
          selector:
            matchLabels:
              app: APP
        """
        .replace("APP", app);
  }

  static String overlay(String project, String registry, String env, List<InitApp> apps) {
    StringBuilder images = new StringBuilder();
    for (InitApp app : apps) {
      images
          .append("  # hoist release pins this entry to the image it built: newName + digest\n")
          .append("  - name: ")
          .append(app.name())
          .append("\n    newName: ")
          .append(registry)
          .append('/')
          .append(app.name())
          .append("\n    newTag: latest\n");
    }
    return "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: "
        + project
        + "-"
        + env
        + "\nresources:\n  - namespace.yaml\n  - ../../base\nimages:\n"
        + images;
  }

  static String namespace(String name) {
    return "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + name + "\n";
  }
}
