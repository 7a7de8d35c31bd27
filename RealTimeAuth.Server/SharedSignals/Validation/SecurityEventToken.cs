using System.Text.Json;

namespace RealTimeAuth.Server.SharedSignals.Validation;

/// <summary>A SET split into its JWS parts and decoded, before anything in it is trusted.</summary>
internal sealed class SecurityEventToken
{
    public required string Raw { get; init; }

    /// <summary>The JOSE header, a JSON object.</summary>
    public required JsonElement Header { get; init; }

    /// <summary>The claims, a JSON object.</summary>
    public required JsonElement Claims { get; init; }

    /// <summary>The claims as the transmitter wrote them (UTF-8 JSON text).</summary>
    public required string ClaimsJson { get; init; }

    /// <summary>ASCII bytes of <c>header.payload</c>, what the signature covers (RFC 7515 §5.2).</summary>
    public required byte[] SigningInput { get; init; }

    public required byte[] Signature { get; init; }

    public string? HeaderString(string name) =>
        Header.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public bool HasClaim(string name) => Claims.TryGetProperty(name, out _);

    public string? ClaimString(string name) =>
        Claims.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
