namespace RealTimeAuth.Fuzz.Tests.Exchange;

/// <summary>A token endpoint body and its <c>DPoP</c> header; <see cref="Parent"/> when the proof is checked as a parent's.</summary>
internal sealed record ExchangeInput(string ContentType, string Form, string Proof, bool Parent, int? OriginalProof);
