using System.Net.Http.Headers;
using RealTimeAuth.Protocol.Exchange;

namespace RealTimeAuth.Sdk;

/// <summary>Attaches <c>Authorization: RTA &lt;current token&gt;</c> to each outgoing request, read at send time so refreshed tokens are used at once.</summary>
public sealed class RtaTokenHandler : DelegatingHandler
{
    private readonly IRtaTokenSource _tokenSource;

    public RtaTokenHandler(IRtaTokenSource tokenSource)
    {
        ArgumentNullException.ThrowIfNull(tokenSource);
        _tokenSource = tokenSource;
    }

    public RtaTokenHandler(IRtaTokenSource tokenSource, HttpMessageHandler innerHandler)
        : base(innerHandler)
    {
        ArgumentNullException.ThrowIfNull(tokenSource);
        _tokenSource = tokenSource;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Attach(request);
        return base.SendAsync(request, cancellationToken);
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Attach(request);
        return base.Send(request, cancellationToken);
    }

    private void Attach(HttpRequestMessage request)
    {
        var token = _tokenSource.CurrentToken
            ?? throw new InvalidOperationException("No RealTimeAuth session: connect an RtaClient before sending requests through RtaTokenHandler.");
        request.Headers.Authorization = new AuthenticationHeaderValue(RtaExchangeNames.TokenScheme, token);
    }
}
