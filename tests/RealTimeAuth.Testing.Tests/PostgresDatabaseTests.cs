using Npgsql;
using Xunit;

namespace RealTimeAuth.Testing.Tests;

[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class PostgresDatabaseTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task CreateDatabaseAsync_NewDatabase_AcceptsCreateInsertSelect()
    {
        var connectionString = await infrastructure.CreateDatabaseAsync("roundtrip");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);

        await ExecuteAsync(dataSource, "CREATE TABLE agents (id integer PRIMARY KEY, name text NOT NULL)");
        await ExecuteAsync(dataSource, "INSERT INTO agents (id, name) VALUES (1, 'alpha'), (2, 'beta')");
        var names = new List<string>();
        await using (var select = dataSource.CreateCommand("SELECT name FROM agents ORDER BY id"))
        await using (var reader = await select.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        Assert.Equal(["alpha", "beta"], names);
    }

    [Fact]
    public async Task CreateDatabaseAsync_CalledTwice_GivesSeparateDatabases()
    {
        var first = await infrastructure.CreateDatabaseAsync("isolation");
        var second = await infrastructure.CreateDatabaseAsync("isolation");
        await using var firstSource = NpgsqlDataSource.Create(first);
        await using var secondSource = NpgsqlDataSource.Create(second);

        await ExecuteAsync(firstSource, "CREATE TABLE only_in_first (id integer)");

        Assert.NotEqual(await CurrentDatabaseAsync(firstSource), await CurrentDatabaseAsync(secondSource));
        Assert.Equal("only_in_first", await ScalarAsync(firstSource, "SELECT to_regclass('only_in_first')::text"));
        Assert.Null(await ScalarAsync(secondSource, "SELECT to_regclass('only_in_first')::text"));
    }

    [Fact]
    public async Task CreateDatabaseAsync_PrefixWithQuotesAndSpaces_CreatesSafelyNamedDatabase()
    {
        var connectionString = await infrastructure.CreateDatabaseAsync("Audit \"Log\"; DROP");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);

        var name = await CurrentDatabaseAsync(dataSource);

        Assert.Matches("^rta_audit__log___drop_[0-9a-f]{12}$", name);
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string?> ScalarAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return await command.ExecuteScalarAsync() as string;
    }

    private static async Task<string?> CurrentDatabaseAsync(NpgsqlDataSource dataSource) =>
        await ScalarAsync(dataSource, "SELECT current_database()");
}
