using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using RealTimeAuth.Protocol.Binding;
using RealTimeAuth.Server.Exchange;
using RealTimeAuth.Server.Sessions;
using RealTimeAuth.Server.Sessions.Binding;
using RealTimeAuth.Server.Telemetry;
using RealTimeAuth.Server.Tests.Live;

namespace RealTimeAuth.Server.Tests.Exchange;

/// <summary>
/// The delegation rules that decide before the parent's proof is verified: each refuses with its code and counts the
/// refusal under the use it belongs to. No verifier is given, so a rule that reached it would fail the test.
/// </summary>
public sealed class ParentProofRuleTests : IDisposable
{
    private const string ParentKey = "parent-key-thumbprint-0000000000000000000000";
    private const string RootKey = "root-key-thumbprint-000000000000000000000000";
    private const string ChildKey = "child-key-thumbprint-00000000000000000000000";
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly RtaServerTelemetry _telemetry;
    private readonly MeterListener _listener = new();
    private readonly List<(string? Use, string? Reason)> _refusals = [];

    public ParentProofRuleTests()
    {
        _telemetry = new RtaServerTelemetry(_services.GetRequiredService<IMeterFactory>());
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument, _telemetry.BindingRefusals))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            var all = tags.ToArray().ToDictionary();
            lock (_refusals)
            {
                _refusals.Add((all.GetValueOrDefault("use") as string, all.GetValueOrDefault("reason") as string));
            }
        });
        _listener.Start();
    }

    [Fact]
    public async Task ParentWithoutKey_IsInvalidGrantSessionUnbound()
    {
        var error = await VerifyAsync(Parent() with { KeyThumbprint = null, KeyChain = [] }, ChildKey, "proof");

        Assert.Equal(("invalid_grant", RtaBindingReasons.SessionUnbound), (error!.Value.Error, error.Reason));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task NoParentProof_IsParentProofMissing_CountedAsParentExchange(string? proof)
    {
        var error = await VerifyAsync(Parent(), ChildKey, proof);

        Assert.Equal((RtaBindingNames.Errors.InvalidDpopProof, RtaBindingReasons.ParentProofMissing), (error!.Value.Error, error.Reason));
        Assert.Equal([(ProofUse.ParentExchange, RtaBindingReasons.ParentProofMissing)], _refusals);
    }

    [Fact]
    public async Task TwoParentProofs_AreMalformed()
    {
        var error = await VerifyAsync(Parent(), ChildKey, "one", "two");

        Assert.Equal((RtaBindingNames.Errors.InvalidDpopProof, DpopRejectionReasons.MalformedProof), (error!.Value.Error, error.Reason));
        Assert.StartsWith("malformed-proof: The parent proof", error.Value.ErrorDescription, StringComparison.Ordinal);
        Assert.Equal([(ProofUse.ParentExchange, DpopRejectionReasons.MalformedProof)], _refusals);
    }

    [Theory]
    [InlineData(ParentKey)]
    [InlineData(RootKey)]
    public async Task ChildKeyFromTheChain_IsChildKeyReused(string childKey)
    {
        var error = await VerifyAsync(Parent(), childKey, "proof");

        Assert.Equal((RtaBindingNames.Errors.InvalidDpopProof, ExchangeRejectionReasons.ChildKeyReused), (error!.Value.Error, error.Reason));
        Assert.Equal([(ProofUse.Exchange, ExchangeRejectionReasons.ChildKeyReused)], _refusals);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _telemetry.Dispose();
        _services.Dispose();
    }

    private static SessionState Parent() =>
        TestSessions.Active("records:read") with { Depth = 1, KeyThumbprint = ParentKey, KeyChain = [RootKey, ParentKey] };

    private Task<OAuthErrorResult?> VerifyAsync(SessionState parent, string childKey, params string?[] proofs)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Post;
        if (proofs is not [null])
        {
            context.Request.Headers[RtaBindingNames.ParentProofHeader] = proofs;
        }

        return Task.FromResult(ExchangeProofs.CheckParentProof(context.Request, parent, "parent-token", childKey, verifier: null!, spent: null!, _telemetry));
    }
}
