using Xunit;

namespace RealTimeAuth.Testing;

/// <summary>
/// The test collection that shares one <see cref="InfrastructureFixture"/>. xunit v2 finds collection definitions
/// only in the test assembly itself, so each test project declares the definition once, deriving from this class:
/// <code>
/// [CollectionDefinition(InfrastructureCollection.Name)]
/// public sealed class InfrastructureCollectionDefinition : InfrastructureCollection;
/// </code>
/// and its test classes carry <c>[Collection(InfrastructureCollection.Name)]</c> and <c>[Trait("Tier", "Functional")]</c>,
/// which keeps them out of the pure tier (<c>--filter "Tier!=Functional"</c>).
/// Test classes in one collection run one after another.
/// </summary>
public abstract class InfrastructureCollection : ICollectionFixture<InfrastructureFixture>
{
    /// <summary>The collection name for <c>[CollectionDefinition]</c> and <c>[Collection]</c>.</summary>
    public const string Name = "RealTimeAuth infrastructure";
}
