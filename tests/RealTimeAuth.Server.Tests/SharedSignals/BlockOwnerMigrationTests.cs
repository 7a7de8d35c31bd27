using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.SharedSignals;

/// <summary>
/// The TransmitterScope migration on a database that already holds blocks: a block whose SET is still stored gets that
/// SET's issuer as its setter; one whose SET is gone keeps an empty setter (only an admin lifts it); streams get the
/// empty allowed-claims list, which reads as the default (ADR 0020).
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class BlockOwnerMigrationTests(InfrastructureFixture infrastructure)
{
    private const string Before = "20261207153856_SessionLifetimes";

    [Fact]
    public async Task Migrate_ExistingBlocks_SetterFromTheirSetOrEmpty()
    {
        var connection = await infrastructure.CreateDatabaseAsync("ssf_block_owner_migration");
        await using var db = new RtaDbContext(new DbContextOptionsBuilder<RtaDbContext>().UseNpgsql(connection).Options);
        var migrator = db.GetInfrastructure().GetRequiredService<IMigrator>();
        await migrator.MigrateAsync(Before).WaitAsync(SsfServer.Timeout);
        var stream = Guid.NewGuid();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO ssf_streams (id, issuer, audience, delivery_method, require_https, subject_issuers, events_requested, events_delivered,
                source, enabled, transmitter_status, created_at, updated_at)
            VALUES ({stream}, 'https://transmitter.test/', 'rta', 'urn:ietf:rfc:8935', true, ARRAY['https://idp.test'], ARRAY[]::text[], ARRAY[]::text[],
                'configuration', true, 'enabled', now(), now());
            INSERT INTO ssf_received_sets (stream_id, issuer, jti, event_type, raw, claims, issued_at, received_at, delivery, status, attempts, redeliveries)
            VALUES ({stream}, 'https://transmitter.test/', 'jti-known', 'account-disabled', 'x', 'x', now(), now(), 'push', 'applied', 1, 0);
            INSERT INTO subject_status (format, issuer, value, status, event_type, jti, updated_at) VALUES
                ('iss_sub', 'https://idp.test', 'known', 'disabled', 'account-disabled', 'jti-known', now()),
                ('iss_sub', 'https://idp.test', 'orphan', 'disabled', 'account-disabled', 'jti-gone', now());
            """).WaitAsync(SsfServer.Timeout);

        await migrator.MigrateAsync().WaitAsync(SsfServer.Timeout);

        var setters = await db.SubjectStatuses.AsNoTracking().ToDictionaryAsync(row => row.Value, row => row.SetBy).WaitAsync(SsfServer.Timeout);
        Assert.Equal("https://transmitter.test/", setters["known"]);
        Assert.Equal(string.Empty, setters["orphan"]);
        Assert.Empty((await db.SsfStreams.AsNoTracking().SingleAsync(row => row.Id == stream).WaitAsync(SsfServer.Timeout)).AllowedClaims);
    }
}
