namespace RealTimeAuth.Server.Data;

/// <summary>
/// A user identifier that a transmitter has reported disabled, purged or compromised (RISC). While any row
/// exists, the token exchange refuses that user; RISC account-enabled from the same transmitter, or an admin, removes it.
/// Each transmitter's block is its own row, so one transmitter cannot lift another's (ADR 0020).
/// </summary>
public sealed class SubjectStatusEntity
{
    /// <summary>The identifier's format: <c>iss_sub</c>, <c>email</c>, <c>phone_number</c> or <c>opaque</c>.</summary>
    public required string Format { get; set; }

    /// <summary>The user's issuer (without a trailing slash): the identifier's own for <c>iss_sub</c>, else the issuer the transmitter speaks for.</summary>
    public required string Issuer { get; set; }

    /// <summary>The normalised identifier: the <c>sub</c>, the lower-case email, the digits of a phone number, the opaque id.</summary>
    public required string Value { get; set; }

    /// <summary>
    /// The issuer of the transmitter that set the block (its SETs' <c>iss</c>); empty for a block of unknown origin made
    /// before blocks had owners, which only an admin lifts.
    /// </summary>
    public required string SetBy { get; set; }

    /// <summary><c>disabled</c>, <c>purged</c> or <c>compromised</c>.</summary>
    public required string Status { get; set; }

    public string? Reason { get; set; }

    /// <summary>The SET that set it: event type and <c>jti</c>.</summary>
    public required string EventType { get; set; }

    public required string Jti { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
