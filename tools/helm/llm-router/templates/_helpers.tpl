{{/* Chart name. */}}
{{- define "llm-router.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Full name: release-chart, or the release name when it already contains the chart name. */}}
{{- define "llm-router.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "llm-router.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "llm-router.labels" -}}
helm.sh/chart: {{ include "llm-router.chart" . }}
{{ include "llm-router.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "llm-router.selectorLabels" -}}
app.kubernetes.io/name: {{ include "llm-router.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "llm-router.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "llm-router.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* Name of the Secret the chart creates from .Values.apiKeys. */}}
{{- define "llm-router.secretName" -}}
{{- printf "%s-api-keys" (include "llm-router.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The env var carrying a model's API key, as the router's modelEnvName(): every character that is not an
ASCII letter or digit becomes "_", then upper case. gpt-4o -> LLM_ROUTER_MODEL_GPT_4O_API_KEY
*/}}
{{- define "llm-router.apiKeyEnv" -}}
{{- printf "LLM_ROUTER_MODEL_%s_API_KEY" (regexReplaceAll "[^A-Za-z0-9]" . "_" | upper) }}
{{- end }}

{{- define "llm-router.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/*
The models the router gets: config.models as the user wrote them, or, when they gave none, the built-in echo
model (no upstream, no key), so `helm install` with no values still answers. values.yaml holds no model on
purpose: Helm merges a default map into the user's, so a default model could never be removed by giving one's
own. A model set to null (the old way to drop the default echo) is left out. Returns YAML.
*/}}
{{- define "llm-router.models" -}}
{{- $models := dict }}
{{- range $name, $model := (dig "models" dict (.Values.config | default dict)) }}
{{- if not (kindIs "invalid" $model) }}{{ $_ := set $models $name $model }}{{ end }}
{{- end }}
{{- if not $models }}{{ $models = dict "echo" (dict "provider" "echo") }}{{ end }}
{{- toYaml $models }}
{{- end }}

{{/* The router's config.yaml: config with the effective models. */}}
{{- define "llm-router.config" -}}
{{- $config := omit (.Values.config | default dict) "models" }}
{{- $_ := set $config "models" (include "llm-router.models" . | fromYaml) }}
{{- toYaml $config }}
{{- end }}

{{/*
Fails rendering unless the router's drain (config.server.shutdown_grace_period, the router's default 30 s when
unset) ends at least 5 s before Kubernetes sends SIGKILL (terminationGracePeriodSeconds): the margin is for
closing connections and exiting. A JSON schema cannot compare two values, so this is a template check.
*/}}
{{- define "llm-router.checkShutdownGrace" -}}
{{- $server := dig "server" dict (.Values.config | default dict) }}
{{- $grace := 30.0 }}
{{- if not (kindIs "invalid" $server.shutdown_grace_period) }}{{ $grace = float64 $server.shutdown_grace_period }}{{ end }}
{{- $termination := float64 .Values.terminationGracePeriodSeconds }}
{{- if gt (addf $grace 5) $termination }}
{{- fail (printf "config.server.shutdown_grace_period (%v s%s) + 5 s must not exceed terminationGracePeriodSeconds (%v s), or Kubernetes kills the pod while it still drains requests: raise terminationGracePeriodSeconds to at least %v or lower shutdown_grace_period" $grace (ternary ", the router's default" "" (kindIs "invalid" $server.shutdown_grace_period)) $termination (ceil (addf $grace 5))) }}
{{- end }}
{{- end }}

{{/*
A Kubernetes memory quantity (512Mi, 1Gi, 0.5G, 536870912) in MiB, or "" when it is unset or in a form this
does not read (exponents such as 5e8): the memory warning in NOTES.txt is then skipped.
*/}}
{{- define "llm-router.quantityMiB" -}}
{{- if or (kindIs "float64" .) (kindIs "int64" .) (kindIs "int" .) }}
{{- divf (float64 .) 1048576 }}
{{- else if kindIs "string" . }}
{{- $number := regexFind "^[0-9]+(\\.[0-9]+)?" . }}
{{- $factors := dict "" 1.0 "k" 1e3 "M" 1e6 "G" 1e9 "T" 1e12 "Ki" 1024.0 "Mi" 1048576.0 "Gi" 1073741824.0 "Ti" 1099511627776.0 }}
{{- $suffix := trimPrefix $number . }}
{{- if and $number (hasKey $factors $suffix) }}
{{- divf (mulf (float64 $number) (get $factors $suffix)) 1048576 }}
{{- end }}
{{- end }}
{{- end }}

{{/*
The router's max_inflight_body_mb as it will run: LLM_ROUTER_SERVER_MAX_INFLIGHT_BODY_MB from extraEnv (env
beats the file), else config.server.max_inflight_body_mb, else the router's default 64.
*/}}
{{- define "llm-router.maxInflightBodyMb" -}}
{{- $mb := 64.0 }}
{{- $server := dig "server" dict (.Values.config | default dict) }}
{{- if not (kindIs "invalid" $server.max_inflight_body_mb) }}{{ $mb = float64 $server.max_inflight_body_mb }}{{ end }}
{{- range .Values.extraEnv }}
{{- if and (eq .name "LLM_ROUTER_SERVER_MAX_INFLIGHT_BODY_MB") .value (regexMatch "^[0-9]+(\\.[0-9]+)?$" (toString .value)) }}{{ $mb = float64 .value }}{{ end }}
{{- end }}
{{- $mb }}
{{- end }}
