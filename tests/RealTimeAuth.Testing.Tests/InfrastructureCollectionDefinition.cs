using Xunit;

namespace RealTimeAuth.Testing.Tests;

[CollectionDefinition(InfrastructureCollection.Name)]
public sealed class InfrastructureCollectionDefinition : InfrastructureCollection;
