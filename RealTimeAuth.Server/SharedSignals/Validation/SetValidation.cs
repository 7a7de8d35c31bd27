namespace RealTimeAuth.Server.SharedSignals.Validation;

/// <summary>A validated SET, or why it was refused.</summary>
public sealed record SetValidation(ValidatedSet? Set, SetRejection? Rejection)
{
    public bool IsValid => Set is not null;

    public static SetValidation Accept(ValidatedSet set) => new(set, null);

    public static SetValidation Reject(SetRejection rejection) => new(null, rejection);
}
