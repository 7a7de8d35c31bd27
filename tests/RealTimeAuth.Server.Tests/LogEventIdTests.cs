using System.Reflection;
using Microsoft.Extensions.Logging;

namespace RealTimeAuth.Server.Tests;

/// <summary>An event id names one kind of log line, so operators can filter and alert on it.</summary>
public sealed class LogEventIdTests
{
    [Fact]
    public void EveryLogMessageOfTheServer_HasItsOwnEventId()
    {
        var messages = typeof(Program).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(method => (Method: method, Attribute: method.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(message => message.Attribute is not null)
            .ToList();

        var shared = messages
            .GroupBy(message => message.Attribute!.EventId)
            .Where(group => group.Count() > 1)
            .Select(group => $"{group.Key}: {string.Join(", ", group.Select(message => $"{message.Method.DeclaringType!.Name}.{message.Method.Name}"))}")
            .ToList();

        Assert.True(messages.Count > 50, $"Found only {messages.Count} log messages; the scan is broken.");
        Assert.Empty(shared);
    }
}
