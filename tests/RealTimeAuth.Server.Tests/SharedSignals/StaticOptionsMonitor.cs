using Microsoft.Extensions.Options;

namespace RealTimeAuth.Server.Tests.SharedSignals;

/// <summary>Options that never change.</summary>
internal sealed class StaticOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
