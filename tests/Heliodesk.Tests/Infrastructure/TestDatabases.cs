using Heliodesk.Data;

[assembly: AssemblyFixture(typeof(Heliodesk.Tests.Infrastructure.TestDatabases))]

namespace Heliodesk.Tests.Infrastructure;

/// <summary>
/// One PostgreSQL server for the whole run (started on first use) and one shared application per
/// provider. Tests share an application safely because each test works in its own workspace:
/// tenancy is what keeps them apart, so every test also exercises it.
/// </summary>
public sealed class TestDatabases : IAsyncDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly Dictionary<DatabaseProvider, HeliodeskApplication> _shared = [];
    private readonly List<HeliodeskApplication> _owned = [];
    private PostgresServer? _postgres;

    public async Task<HeliodeskApplication> SharedAsync(DatabaseProvider provider)
    {
        await _lock.WaitAsync();
        try
        {
            if (!_shared.TryGetValue(provider, out var app))
            {
                app = await CreateLockedAsync(provider, demo: false);
                _shared[provider] = app;
            }
            return app;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>An application of its own, for tests that move the clock or need an empty instance.</summary>
    public async Task<HeliodeskApplication> IsolatedAsync(DatabaseProvider provider, bool demo = false)
    {
        await _lock.WaitAsync();
        try
        {
            return await CreateLockedAsync(provider, demo);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Two applications on one PostgreSQL database: two nodes of one deployment.</summary>
    public async Task<(HeliodeskApplication A, HeliodeskApplication B)> TwoPostgresNodesAsync()
    {
        await _lock.WaitAsync();
        try
        {
            _postgres ??= await PostgresServer.StartAsync();
            var connectionString = await _postgres.CreateDatabaseAsync();
            return (await CreateLockedAsync(DatabaseProvider.Postgres, demo: false, connectionString),
                await CreateLockedAsync(DatabaseProvider.Postgres, demo: false, connectionString));
        }
        finally
        {
            _lock.Release();
        }
    }

    private async Task<HeliodeskApplication> CreateLockedAsync(DatabaseProvider provider, bool demo, string? connectionString = null)
    {
        if (provider == DatabaseProvider.Postgres && connectionString is null)
        {
            _postgres ??= await PostgresServer.StartAsync();
            connectionString = await _postgres.CreateDatabaseAsync();
        }
        var app = new HeliodeskApplication(provider, connectionString) { Demo = demo };
        _ = app.Server; // start now: migrations run before the first test request
        _owned.Add(app);
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _owned)
        {
            await app.DisposeAsync();
        }
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }
}

/// <summary>Runs a theory once per database provider: the same suite on SQLite and PostgreSQL.</summary>
public static class Databases
{
    public static TheoryData<DatabaseProvider> Both => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];
}
