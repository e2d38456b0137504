using Heliodesk.Data;
using Microsoft.AspNetCore.Builder;
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
        // Tests run the outbox dispatcher and the mailbox fetcher by hand, on the fake clock.
        builder.UseSetting("Heliodesk:Outbox:RunDispatcher", "false");
        builder.UseSetting("Heliodesk:Email:RunFetcher", "false");
        if (Provider == DatabaseProvider.Postgres)
        {
            builder.UseSetting("ConnectionStrings:Heliodesk", postgresConnectionString);
        }
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStartupFilter, ClientAddressFromHeader>();
        });
    }

    public HttpClient ClientWithToken(string token)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    /// <summary>A browser-like client that keeps the sign-in cookie and has an address of its own.</summary>
    public HttpClient BrowserClient()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}");
        return client;
    }

    /// <summary>
    /// The test server has no network, so every request would come from the same (absent) address
    /// and share one per-address rate limit. Each test browser gets an address of its own instead.
    /// </summary>
    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public const string Header = "X-Test-Client-Address";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (System.Net.IPAddress.TryParse(context.Request.Headers[Header], out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }
                return nextMiddleware(context);
            });
            next(app);
        };
    }

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
