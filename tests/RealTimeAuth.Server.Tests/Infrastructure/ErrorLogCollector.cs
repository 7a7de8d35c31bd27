using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace RealTimeAuth.Server.Tests.Infrastructure;

/// <summary>Keeps every entry logged at Error or above, with its category, for tests that a path logs none.</summary>
internal sealed class ErrorLogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();

    public IReadOnlyList<string> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(ErrorLogCollector collector, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                collector._entries.Enqueue($"{logLevel} {category}[{eventId.Id}]: {formatter(state, exception)}");
            }
        }
    }
}
