namespace RealTimeAuth.Server.Tests.Infrastructure;

/// <summary>Every named client sends through one handler, typically documents served from memory.</summary>
internal sealed class StubHttpClientFactory(HttpMessageHandler handler) : IHttpClientFactory
{
    public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
}
