namespace RealTimeAuth.Sdk.Tests.Fakes;

/// <summary>One request the fake token endpoint received, and what its proofs proved.</summary>
internal sealed record RecordedExchange(IReadOnlyDictionary<string, string> Form, string? Authorization, string? ContentType)
{
    public string this[string name] => Form[name];

    /// <summary>The verified <c>DPoP</c> proof (the new session's key); null when refused.</summary>
    public SeenProof? Proof { get; init; }

    /// <summary>The verified <c>RTA-Parent-DPoP</c> proof of a delegated exchange; null when absent or refused.</summary>
    public SeenProof? ParentProof { get; init; }

    /// <summary>Why a proof was refused, null when the proofs were good.</summary>
    public string? ProofRejection { get; init; }
}
