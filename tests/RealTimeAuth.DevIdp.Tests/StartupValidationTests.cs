namespace RealTimeAuth.DevIdp.Tests;

[Trait("Tier", "Functional")]
public sealed class StartupValidationTests
{
    [Fact]
    public void Start_UserWithoutPassword_FailsNamingTheKey()
    {
        using var factory = new DevIdpFactory();
        using var broken = factory.WithWebHostBuilder(builder => builder.UseSetting("DevIdp:Users:2:Password", ""));

        var failure = Record.Exception(() => broken.CreateClient());

        Assert.NotNull(failure);
        Assert.Contains("DevIdp:Users:2:Password", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Start_ConfidentialClientWithoutSecret_FailsNamingTheKey()
    {
        using var factory = new DevIdpFactory();
        using var broken = factory.WithWebHostBuilder(builder => builder.UseSetting("DevIdp:Clients:agent:ClientSecret", ""));

        var failure = Record.Exception(() => broken.CreateClient());

        Assert.NotNull(failure);
        Assert.Contains("DevIdp:Clients:agent:ClientSecret", failure.ToString(), StringComparison.Ordinal);
    }
}
