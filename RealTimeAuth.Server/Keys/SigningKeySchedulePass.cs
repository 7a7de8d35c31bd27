using RealTimeAuth.Server.Data;

namespace RealTimeAuth.Server.Keys;

/// <summary>What one pass of <see cref="SigningKeySchedule"/> changed: the key it created, if any, and the keys it removed.</summary>
internal sealed record SigningKeySchedulePass(SigningKeyEntity? Created, IReadOnlyList<SigningKeyEntity> Removed)
{
    public bool Changed => Created is not null || Removed.Count > 0;
}
