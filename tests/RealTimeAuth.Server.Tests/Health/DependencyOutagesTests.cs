using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RealTimeAuth.Server.Health;
using StackExchange.Redis;

namespace RealTimeAuth.Server.Tests.Health;

/// <summary>Only a lost dependency becomes a 503; a refusal of the data, or a bug, stays what it is (ADR 0021).</summary>
public sealed class DependencyOutagesTests
{
    [Fact]
    public void ReasonOf_ConnectionRefusedByPostgres_IsDatabaseUnavailable() =>
        Assert.Equal(
            DependencyOutageReasons.DatabaseUnavailable,
            DependencyOutages.ReasonOf(new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused))));

    [Fact]
    public void ReasonOf_BrokenConnectionWrappedByEfCore_IsDatabaseUnavailable() =>
        Assert.Equal(
            DependencyOutageReasons.DatabaseUnavailable,
            DependencyOutages.ReasonOf(new DbUpdateException("save failed", new NpgsqlException("broken", new IOException("reset")))));

    [Fact]
    public void ReasonOf_RedisConnectionLost_IsRedisUnavailable() =>
        Assert.Equal(
            DependencyOutageReasons.RedisUnavailable,
            DependencyOutages.ReasonOf(new RedisConnectionException(
                ConnectionFailureType.UnableToConnect, CommandFlags.None, "No connection is active", innerException: null, CommandStatus.Unknown)));

    [Fact]
    public void ReasonOf_DataRefusedByPostgres_IsNotAnOutage() =>
        Assert.Null(DependencyOutages.ReasonOf(new DbUpdateException("save failed", new NpgsqlException("constraint"))));

    [Fact]
    public void ReasonOf_AnyOtherException_IsNotAnOutage() =>
        Assert.Null(DependencyOutages.ReasonOf(new InvalidOperationException("a bug")));
}
