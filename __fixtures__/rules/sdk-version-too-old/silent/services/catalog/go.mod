module example.com/catalog

go 1.21

require (
	github.com/aws/aws-sdk-go v1.50.0
	github.com/gin-gonic/gin v1.9.1
)
