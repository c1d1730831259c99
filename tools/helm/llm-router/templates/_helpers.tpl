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
