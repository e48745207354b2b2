variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "cluster_name" {
  type = string
}

variable "app_namespace" {
  type        = string
  description = "Namespace of the shop applications"
}

variable "account_id" {
  type = string
}
