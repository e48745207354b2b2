#!/usr/bin/env bash
ARGS=(--set serviceAccount.name=from-array)
helm upgrade --install lbc eks/aws-load-balancer-controller -n kube-system "${ARGS[@]}"
helm upgrade --install dry eks/aws-load-balancer-controller -n kube-system --dry-run
helm template rendered eks/aws-load-balancer-controller --set serviceAccount.name=not-installed
