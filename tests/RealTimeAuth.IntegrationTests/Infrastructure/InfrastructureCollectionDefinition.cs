using RealTimeAuth.Testing;

namespace RealTimeAuth.IntegrationTests.Infrastructure;

/// <summary>
/// One collection for the whole assembly: the real PostgreSQL and Redis, and one dev IdP on Kestrel.
/// Tests run one after another, so a test that stops Redis never races another test's exchange.
/// </summary>
[CollectionDefinition(InfrastructureCollection.Name)]
public sealed class InfrastructureCollectionDefinition : InfrastructureCollection, ICollectionFixture<DevIdpFixture>;
