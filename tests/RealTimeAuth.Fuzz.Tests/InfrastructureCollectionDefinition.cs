using RealTimeAuth.Testing;

namespace RealTimeAuth.Fuzz.Tests;

[CollectionDefinition(InfrastructureCollection.Name)]
public sealed class InfrastructureCollectionDefinition : InfrastructureCollection;
