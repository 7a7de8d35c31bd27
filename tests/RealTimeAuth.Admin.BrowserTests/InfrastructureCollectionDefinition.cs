using RealTimeAuth.Testing;

namespace RealTimeAuth.Admin.BrowserTests;

[CollectionDefinition(InfrastructureCollection.Name)]
public sealed class InfrastructureCollectionDefinition : InfrastructureCollection;
