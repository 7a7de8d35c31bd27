using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.Infrastructure;

[CollectionDefinition(InfrastructureCollection.Name)]
public sealed class InfrastructureCollectionDefinition : InfrastructureCollection;
