package knowledge

// Azure SDK for Go (github.com/Azure/azure-sdk-for-go/sdk/...). A client
// sends to the account or namespace URL it was made with
// (https://<account>.blob.core.windows.net,
// <namespace>.servicebus.windows.net, https://<account>.documents.azure.com).
// Those host names do not name the account's region, so they are of
// unknown region unless the policy's endpoints map them.

const (
	srcAzblob     = "pkg.go.dev/github.com/Azure/azure-sdk-for-go/sdk/storage/azblob"
	srcServiceBus = "pkg.go.dev/github.com/Azure/azure-sdk-for-go/sdk/messaging/azservicebus"
	srcCosmos     = "pkg.go.dev/github.com/Azure/azure-sdk-for-go/sdk/data/azcosmos"
)

const (
	azblob     = "github.com/Azure/azure-sdk-for-go/sdk/storage/azblob"
	servicebus = "github.com/Azure/azure-sdk-for-go/sdk/messaging/azservicebus"
	cosmos     = "github.com/Azure/azure-sdk-for-go/sdk/data/azcosmos"
)

var azureCreators = []CreatorModel{
	{Func: azblob + ".NewClient", Kind: ExitAzure, Endpoint: "arg:0", Source: srcAzblob + "#NewClient (serviceURL)"},
	{Func: azblob + ".NewClientWithSharedKeyCredential", Kind: ExitAzure, Endpoint: "arg:0", Source: srcAzblob + "#NewClientWithSharedKeyCredential"},
	{Func: azblob + ".NewClientWithNoCredential", Kind: ExitAzure, Endpoint: "arg:0", Source: srcAzblob + "#NewClientWithNoCredential"},
	{Func: azblob + ".NewClientFromConnectionString", Kind: ExitAzure, Endpoint: "arg:0", Source: srcAzblob + "#NewClientFromConnectionString"},
	{Func: "(*" + azblob + ".Client).ServiceClient", Kind: ExitAzure, Endpoint: "~0", Source: srcAzblob + "#Client.ServiceClient"},
	{Func: "(*" + azblob + "/service.Client).NewContainerClient", Kind: ExitAzure, Endpoint: "~0", Source: srcAzblob + "/service#Client.NewContainerClient"},
	{Func: "(*" + azblob + "/container.Client).NewBlockBlobClient", Kind: ExitAzure, Endpoint: "~0", Source: srcAzblob + "/container#Client.NewBlockBlobClient"},
	{Func: azblob + "/blockblob.NewClient", Kind: ExitAzure, Endpoint: "arg:0", Source: srcAzblob + "/blockblob#NewClient (blobURL)"},
	{Func: azblob + "/blockblob.NewClientWithSharedKeyCredential", Kind: ExitAzure, Endpoint: "arg:0", Source: srcAzblob + "/blockblob#NewClientWithSharedKeyCredential"},
	{Func: azblob + "/blockblob.NewClientWithNoCredential", Kind: ExitAzure, Endpoint: "arg:0", Source: srcAzblob + "/blockblob#NewClientWithNoCredential"},

	{Func: servicebus + ".NewClient", Kind: ExitAzure, Endpoint: "arg:0", Source: srcServiceBus + "#NewClient (fullyQualifiedNamespace)"},
	{Func: servicebus + ".NewClientFromConnectionString", Kind: ExitAzure, Endpoint: "arg:0", Source: srcServiceBus + "#NewClientFromConnectionString"},
	{Func: "(*" + servicebus + ".Client).NewSender", Kind: ExitAzure, Endpoint: "~0", Source: srcServiceBus + "#Client.NewSender"},

	{Func: cosmos + ".NewClient", Kind: ExitAzure, Endpoint: "arg:0", Source: srcCosmos + "#NewClient (endpoint)"},
	{Func: cosmos + ".NewClientWithKey", Kind: ExitAzure, Endpoint: "arg:0", Source: srcCosmos + "#NewClientWithKey"},
	{Func: cosmos + ".NewClientFromConnectionString", Kind: ExitAzure, Endpoint: "arg:0", Source: srcCosmos + "#NewClientFromConnectionString"},
	{Func: "(*" + cosmos + ".Client).NewDatabase", Kind: ExitAzure, Endpoint: "~0", Source: srcCosmos + "#Client.NewDatabase"},
	{Func: "(*" + cosmos + ".Client).NewContainer", Kind: ExitAzure, Endpoint: "~0", Source: srcCosmos + "#Client.NewContainer"},
	{Func: "(*" + cosmos + ".DatabaseClient).NewContainer", Kind: ExitAzure, Endpoint: "~0", Source: srcCosmos + "#DatabaseClient.NewContainer"},
}

var azureExits = []ExitModel{
	{Func: "(*" + azblob + ".Client).UploadBuffer", Kind: ExitAzure, Data: "2,3,4", Endpoint: "obj:0", Op: "Azure Blob UploadBuffer",
		Source: srcAzblob + "#Client.UploadBuffer (containerName, blobName, buffer)"},
	{Func: "(*" + azblob + ".Client).UploadStream", Kind: ExitAzure, Data: "2,3,4", Endpoint: "obj:0", Op: "Azure Blob UploadStream",
		Source: srcAzblob + "#Client.UploadStream (containerName, blobName, body)"},
	{Func: "(*" + azblob + "/blockblob.Client).Upload", Kind: ExitAzure, Data: "2", Endpoint: "obj:0", Op: "Azure Blob Upload",
		Source: srcAzblob + "/blockblob#Client.Upload (body)"},
	{Func: "(*" + azblob + "/blockblob.Client).UploadBuffer", Kind: ExitAzure, Data: "2", Endpoint: "obj:0", Op: "Azure Blob UploadBuffer",
		Source: srcAzblob + "/blockblob#Client.UploadBuffer (buffer)"},
	{Func: "(*" + azblob + "/blockblob.Client).UploadStream", Kind: ExitAzure, Data: "2", Endpoint: "obj:0", Op: "Azure Blob UploadStream",
		Source: srcAzblob + "/blockblob#Client.UploadStream (body)"},

	{Func: "(*" + servicebus + ".Sender).SendMessage", Kind: ExitAzure, Data: "2", Endpoint: "obj:0", Op: "Service Bus SendMessage",
		Source: srcServiceBus + "#Sender.SendMessage (Message: Body, ApplicationProperties, Subject)"},
	{Func: "(*" + servicebus + ".Sender).SendMessageBatch", Kind: ExitAzure, Data: "2", Endpoint: "obj:0", Op: "Service Bus SendMessageBatch",
		Source: srcServiceBus + "#Sender.SendMessageBatch"},

	{Func: "(*" + cosmos + ".ContainerClient).CreateItem", Kind: ExitAzure, Data: "2,3", Endpoint: "obj:0", Op: "Cosmos DB CreateItem",
		Source: srcCosmos + "#ContainerClient.CreateItem (partitionKey, item)"},
	{Func: "(*" + cosmos + ".ContainerClient).UpsertItem", Kind: ExitAzure, Data: "2,3", Endpoint: "obj:0", Op: "Cosmos DB UpsertItem",
		Source: srcCosmos + "#ContainerClient.UpsertItem (partitionKey, item)"},
	{Func: "(*" + cosmos + ".ContainerClient).ReplaceItem", Kind: ExitAzure, Data: "2,3,4", Endpoint: "obj:0", Op: "Cosmos DB ReplaceItem",
		Source: srcCosmos + "#ContainerClient.ReplaceItem (partitionKey, itemId, item)"},
}

var azureModels = []Model{
	// A batch holds the messages added to it until it is sent.
	{Func: "(*" + servicebus + ".MessageBatch).AddMessage", Flows: "1->0", Source: srcServiceBus + "#MessageBatch.AddMessage"},
}
