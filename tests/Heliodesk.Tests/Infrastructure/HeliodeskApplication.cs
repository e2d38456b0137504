using Heliodesk.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Heliodesk.Tests.Infrastructure;

/// <summary>
/// The real Heliodesk host on a real database (a SQLite file or a PostgreSQL database), with a
/// fake clock. Tests talk to it over HTTP like any client would.
/// </summary>
public sealed class HeliodeskApplication(DatabaseProvider provider, string? postgresConnectionString) : WebApplicationFactory<Program>
{
    public const string BootstrapToken = "hd_test-bootstrap-token";

    private readonly string _dataDir = Directory.CreateTempSubdirectory("heliodesk-test-").FullName;

    public DatabaseProvider Provider { get; } = provider;

    public string DataDir => _dataDir;

    /// <summary>Starts on a Monday morning and ticks a millisecond per reading so instants are ordered.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero))
    {
        AutoAdvanceAmount = TimeSpan.FromMilliseconds(1),
    };

    public bool Demo { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Heliodesk:DataDir", _dataDir);
        builder.UseSetting("Heliodesk:Demo", Demo ? "true" : "false");
        builder.UseSetting("Heliodesk:BootstrapToken", BootstrapToken);
        builder.UseSetting("Heliodesk:SqliteSynchronous", "Normal");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        if (Provider == DatabaseProvider.Postgres)
        {
            builder.UseSetting("ConnectionStrings:Heliodesk", postgresConnectionString);
        }
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public HttpClient ClientWithToken(string token)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    /// <summary>A browser-like client that keeps the sign-in cookie.</summary>
    public HttpClient BrowserClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finished test host; the temp directory is cleaned by the OS.
        }
    }
}
