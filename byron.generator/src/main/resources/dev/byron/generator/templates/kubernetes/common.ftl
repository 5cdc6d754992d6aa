<#-- Shared pieces of Byron's Kubernetes manifests. -->
<#macro labels name role component="" indent=4>
<#local pad = ""?left_pad(indent)>
${pad}app.kubernetes.io/name: "${name}"
${pad}app.kubernetes.io/part-of: "${s.system()}"
${pad}app.kubernetes.io/component: "${role}"
${pad}app.kubernetes.io/managed-by: "byron"
<#if component?has_content>
${pad}byron.dev/component: "${component}"
</#if>
</#macro>
<#macro metadata name role component="" namespaced=true>
metadata:
  name: "${name}"
<#if namespaced>
  namespace: "${s.namespace()}"
</#if>
  labels:
<@labels name=name role=role component=component/>
  annotations:
    byron.dev/model-version: "${modelVersion}"
</#macro>
<#macro selector name>
    matchLabels:
      app.kubernetes.io/name: "${name}"
      app.kubernetes.io/part-of: "${s.system()}"
</#macro>
<#macro resources workload>
          resources:
            requests:
              cpu: "${workload.cpu()}"
              memory: "${workload.memory()}"
            limits:
              cpu: "${workload.cpuLimit()}"
              memory: "${workload.memory()}"
</#macro>
<#macro probes port>
          livenessProbe:
            httpGet:
              path: /health/live
              port: ${port?c}
            initialDelaySeconds: 10
            periodSeconds: 10
          readinessProbe:
            httpGet:
              path: /health/ready
              port: ${port?c}
            periodSeconds: 5
            failureThreshold: 3
</#macro>
<#macro securityContext>
          securityContext:
            runAsNonRoot: true
            runAsUser: 1000
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: ["ALL"]
</#macro>
<#macro pullSecret>
<#if s.secrets().registry()>
      imagePullSecrets:
        - name: "${s.secrets().pullSecret()}"
</#if>
</#macro>
<#macro natsEnv component>
            - name: NATS_USER
              value: "${component}"
            - name: NATS_PASSWORD
              valueFrom:
                secretKeyRef: { name: "${s.secrets().name()}", key: "${s.secrets().natsPassword(component)}" }
            - name: BYRON_NATS_URL
              value: "nats://$(NATS_USER):$(NATS_PASSWORD)@nats:4222"
            - name: BYRON_STREAM_REPLICAS
              value: "${s.nats().replicas()?c}"
</#macro>
<#macro callerKeyEnv>
            - name: BYRON_CALLER_KEY
              valueFrom:
                secretKeyRef: { name: "${s.secrets().name()}", key: "${s.secrets().callerKey()}" }
</#macro>
<#macro hpa name workload>
<#if workload.autoscales()>
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
<@metadata name=name role="autoscaler"/>
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: "${name}"
  minReplicas: ${workload.minReplicas()?c}
  maxReplicas: ${workload.maxReplicas()?c}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: ${workload.cpuPercent()?c}
</#if>
</#macro>
<#macro pdb name>
---
apiVersion: policy/v1
kind: PodDisruptionBudget
<@metadata name=name role="disruption-budget"/>
spec:
  maxUnavailable: 1
  selector:
<@selector name=name/>
</#macro>

<#-- Traces go to the OpenTelemetry collector config.byron names (deployment { otlpEndpoint }). -->
<#macro tracingEnv>
<#if s.otlpEndpoint()??>
            - name: OTEL_EXPORTER_OTLP_ENDPOINT
              value: "${s.otlpEndpoint()}"
</#if>
</#macro>
