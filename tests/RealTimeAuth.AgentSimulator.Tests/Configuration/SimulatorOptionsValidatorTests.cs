using RealTimeAuth.AgentSimulator.Configuration;
using RealTimeAuth.ServiceDefaults;

namespace RealTimeAuth.AgentSimulator.Tests.Configuration;

public sealed class SimulatorOptionsValidatorTests
{
    [Fact]
    public void Validate_SecretAndPasswordSet_Succeeds()
    {
        var result = new SimulatorOptionsValidator().Validate(null, Valid());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_NoCoPilotSecret_SaysTheAppHostPassesIt()
    {
        var options = Valid();
        options.CoPilot.ClientSecret = "";

        var failure = Assert.Single(new SimulatorOptionsValidator().Validate(null, options).Failures!);

        Assert.StartsWith($"Simulator:CoPilot:ClientSecret is required: the app host passes its generated {ResourceNames.CopilotClientSecret}", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoPortalPassword_SaysWhereTheDevelopmentDefaultIs()
    {
        var options = Valid();
        options.PortalUser.Password = "";

        var failure = Assert.Single(new SimulatorOptionsValidator().Validate(null, options).Failures!);

        Assert.Contains("appsettings.Development.json", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownScenario_ListsTheScenarios()
    {
        var options = Valid();
        options.Scenario = "chaos";

        var failure = Assert.Single(new SimulatorOptionsValidator().Validate(null, options).Failures!);

        Assert.Equal("Simulator:Scenario is 'chaos'; it must be one of steady, compromised-agent, user-disabled, risk-rises, policy-tightened, stolen-token.", failure);
    }

    [Fact]
    public void Validate_TriggerAfterTheRunEnds_Fails()
    {
        var options = Valid();
        options.Run.TriggerAfter = TimeSpan.FromSeconds(10);
        options.Run.Duration = TimeSpan.FromSeconds(5);

        var failure = Assert.Single(new SimulatorOptionsValidator().Validate(null, options).Failures!);

        Assert.StartsWith("Simulator:Run:TriggerAfter must be positive and shorter than Simulator:Run:Duration", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("server")]
    [InlineData("tcp://server")]
    [InlineData("https+grpc://server")]
    public void Validate_ServerAddressNotHttpOrServiceName_Fails(string address)
    {
        var options = Valid();
        options.ServerAddress = address;

        var failure = Assert.Single(new SimulatorOptionsValidator().Validate(null, options).Failures!);

        Assert.StartsWith($"Simulator:ServerAddress must be a service name such as https+http://{ResourceNames.Server}", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownCompromisedAgentKind_ListsTheKinds()
    {
        var options = Valid();
        options.CompromisedAgentKind = "mailer";

        var failure = Assert.Single(new SimulatorOptionsValidator().Validate(null, options).Failures!);

        Assert.EndsWith("policy-reader, compliance-checker, data-writer, record-exporter.", failure, StringComparison.Ordinal);
    }

    private static SimulatorOptions Valid()
    {
        var options = new SimulatorOptions();
        options.CoPilot.ClientSecret = "a-generated-secret-of-enough-length";
        options.PortalUser.Email = "user@realtimeauth.dev";
        options.PortalUser.Password = "rta-dev-password";
        return options;
    }
}
