aws iam create-role --role-name script-name --assume-role-policy-document file://iam/trust.json
