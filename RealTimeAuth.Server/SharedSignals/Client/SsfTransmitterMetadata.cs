namespace RealTimeAuth.Server.SharedSignals.Client;

/// <summary>What this receiver uses of a transmitter's SSF configuration metadata (SSF 1.0 §7.1).</summary>
public sealed record SsfTransmitterMetadata(
    string Issuer,
    Uri? JwksUri,
    Uri? ConfigurationEndpoint,
    Uri? StatusEndpoint,
    Uri? AddSubjectEndpoint,
    Uri? RemoveSubjectEndpoint,
    Uri? VerificationEndpoint,
    IReadOnlyList<string> DeliveryMethodsSupported);
