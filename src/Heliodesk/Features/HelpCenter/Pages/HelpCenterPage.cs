using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Heliodesk.Features.HelpCenter.Pages;

/// <summary>
/// What every help-center page starts from: the site named by the slug (404 when there is none) and
/// the customer signed in to it, if any. Pages are static server-rendered: no circuit, no script needed.
/// </summary>
public abstract class HelpCenterPage : ComponentBase
{
    [Parameter]
    public string Slug { get; set; } = "";

    [CascadingParameter]
    public HttpContext HttpContext { get; set; } = default!;

    [Inject]
    public HelpCenterWork Work { get; set; } = default!;

    [Inject]
    public IStringLocalizer<HelpCenterText> H { get; set; } = default!;

    [Inject]
    public NavigationManager Navigation { get; set; } = default!;

    public SiteInfo? Site { get; private set; }

    public CustomerIdentity? Customer { get; private set; }

    public string Root => $"/help/{Site?.Slug ?? Slug}";

    protected CancellationToken Aborted => HttpContext.RequestAborted;

    protected override async Task OnInitializedAsync()
    {
        Site = await Work.SiteAsync(Slug, Aborted);
        if (Site is null)
        {
            HttpContext.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        Customer = await CustomerSession.ReadAsync(HttpContext, Site.WorkspaceId);
        await LoadAsync();
    }

    /// <summary>Runs once the site (and customer, if any) is known.</summary>
    protected virtual Task LoadAsync() => Task.CompletedTask;

    protected Task<T> ReadAsync<T>(Func<IServiceProvider, Task<T>> work) => Work.ReadAsync(Site!.WorkspaceId, work);

    protected Task<T> WriteAsync<T>(Func<IServiceProvider, Task<T>> work) => Work.WriteAsync(Site!.WorkspaceId, work, Aborted);

    /// <summary>Sends a visitor who needs a session to the sign-in page.</summary>
    protected void RequireCustomer()
    {
        if (Site is not null && Customer is null)
        {
            Navigation.NavigateTo($"{Root}/sign-in", forceLoad: true);
        }
    }

    protected string Status(Tickets.TicketStatus status) => H[$"Status.{status}"];

    /// <summary>A moment in the workspace's zone, in the reader's culture, with the zone named.</summary>
    protected string When(DateTimeOffset at)
    {
        var zone = NodaTime.DateTimeZoneProviders.Tzdb.GetZoneOrNull(Site!.TimeZone) ?? NodaTime.DateTimeZone.Utc;
        var local = NodaTime.Instant.FromDateTimeOffset(at).InZone(zone).ToDateTimeUnspecified();
        return $"{local.ToString("g", System.Globalization.CultureInfo.CurrentCulture)} ({zone.Id})";
    }
}
