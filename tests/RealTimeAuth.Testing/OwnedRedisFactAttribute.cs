using RealTimeAuth.Testing.Servers;
using Xunit;

namespace RealTimeAuth.Testing;

/// <summary>
/// A fact that stops or restarts Redis through <see cref="InfrastructureFixture"/>. When RTA_TEST_REDIS points at an
/// external server, which the fixture cannot restart, the test is reported as skipped with that reason.
/// </summary>
public sealed class OwnedRedisFactAttribute : FactAttribute
{
    public OwnedRedisFactAttribute()
    {
        if (EnvironmentVariables.Read(EnvironmentVariables.Redis) is not null)
        {
            Skip = $"Needs the redis-server the fixture starts itself; {EnvironmentVariables.Redis} names an external server it cannot restart.";
        }
    }
}
