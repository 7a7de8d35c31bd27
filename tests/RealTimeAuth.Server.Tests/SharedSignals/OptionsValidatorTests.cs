using RealTimeAuth.Server.SharedSignals;

namespace RealTimeAuth.Server.Tests.SharedSignals;

public sealed class OptionsValidatorTests
{
    [Fact]
    public void Validate_PushStreamWithoutAuthorization_FailsNamingTheKey()
    {
        var options = new SharedSignalsOptions { Transmitters = [new TransmitterOptions { Issuer = "https://tr.test/", Audience = "rta" }] };

        var result = new SharedSignalsOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("SharedSignals:Transmitters:0:PushAuthorization", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TwoStreamsSameIssuerAndAudience_Fails()
    {
        var transmitter = new TransmitterOptions { Issuer = "https://tr.test/", Audience = "rta", PushAuthorization = "Bearer 0123456789abcdef" };

        Assert.True(new SharedSignalsOptionsValidator().Validate(null, new SharedSignalsOptions { Transmitters = [transmitter, transmitter] }).Failed);
    }

    [Fact]
    public void Validate_CompletePushStream_Succeeds()
    {
        var transmitter = new TransmitterOptions { Issuer = "https://tr.test/", Audience = "rta", PushAuthorization = "Bearer 0123456789abcdef" };

        Assert.True(new SharedSignalsOptionsValidator().Validate(null, new SharedSignalsOptions { Transmitters = [transmitter] }).Succeeded);
    }

    [Fact]
    public void Validate_ManagedPushStreamWithoutPushAuthorization_Succeeds()
    {
        var transmitter = new TransmitterOptions { Issuer = "https://tr.test/", Audience = "rta", ClientId = "rta-server", ClientSecret = "a-client-secret" };

        Assert.True(new SharedSignalsOptionsValidator().Validate(null, new SharedSignalsOptions { Transmitters = [transmitter] }).Succeeded);
    }

    [Fact]
    public void Validate_ManagedStreamWithoutClientSecret_FailsNamingTheKey()
    {
        var transmitter = new TransmitterOptions { Issuer = "https://tr.test/", Audience = "rta", ClientId = "rta-server" };

        var result = new SharedSignalsOptionsValidator().Validate(null, new SharedSignalsOptions { Transmitters = [transmitter] });

        Assert.True(result.Failed);
        Assert.Contains("SharedSignals:Transmitters:0:ClientSecret", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RelativeReceiverEndpoint_Fails()
    {
        var transmitter = new TransmitterOptions
        {
            Issuer = "https://tr.test/",
            Audience = "rta",
            ClientId = "rta-server",
            ClientSecret = "a-client-secret",
            ReceiverEndpoint = "/ssf/events",
        };

        Assert.True(new SharedSignalsOptionsValidator().Validate(null, new SharedSignalsOptions { Transmitters = [transmitter] }).Failed);
    }
}
