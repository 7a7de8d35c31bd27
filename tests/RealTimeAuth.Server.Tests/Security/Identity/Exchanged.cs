using System.Net;
using System.Text.Json;
using RealTimeAuth.Protocol.Binding;

namespace RealTimeAuth.Server.Tests.Security.Identity;

/// <summary>A token endpoint answer and the writer of the proofs of the key the exchange was made with.</summary>
internal sealed record Exchanged(HttpStatusCode Status, JsonElement Body, DpopProofWriter Writer)
{
    public string? AccessToken => Text("access_token");

    public string? Error => Text("error");

    /// <summary>The stable reason code: the <c>error_description</c> up to its first colon.</summary>
    public string? Reason => Text("error_description")?.Split(':')[0];

    public IReadOnlyList<string> Scopes => Text("scope")?.Split(' ') ?? [];

    /// <summary>Asserts the exchange issued a token, showing the refusal otherwise.</summary>
    public Exchanged EnsureIssued()
    {
        Assert.True(Status == HttpStatusCode.OK && AccessToken is not null, $"The exchange was refused: {(int)Status} {Error}: {Text("error_description")}");
        return this;
    }

    private string? Text(string name) =>
        Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
