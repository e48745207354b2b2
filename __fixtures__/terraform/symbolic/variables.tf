variable "cluster_name" {
  type = string
}

variable "namespace" {
  type = string
}

variable "service_account" {
  type = string
}

variable "condition_test" {
  type = string
}

variable "worker_trust_policy" {
  type = string
}

variable "oidc_providers" {
  type = any
}
