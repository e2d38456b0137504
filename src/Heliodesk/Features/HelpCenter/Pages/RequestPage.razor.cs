using Heliodesk.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace Heliodesk.Features.HelpCenter.Pages;

/// <summary>One of the customer's own requests: the public conversation and a reply form (notes never appear).</summary>
public partial class RequestPage
{
    [Parameter]
    public long Number { get; set; }

    [SupplyParameterFromQuery(Name = "replied")]
    public bool Replied { get; set; }

    [Inject]
    public IOptions<HeliodeskOptions> Options { get; set; } = default!;

    private RequestDetail? Request { get; set; }

    private string Body { get; set; } = "";

    private Dictionary<string, string> Errors { get; } = [];

    protected override async Task LoadAsync()
    {
        if (Customer is null)
        {
            RequireCustomer();
            return;
        }
        Request = await ReadAsync(s => s.GetRequiredService<HelpCenterRequests>().FindAsync(Customer, Number, Aborted));
        if (Request is null)
        {
            HttpContext.Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    private async Task ReplyAsync()
    {
        if (Customer is null || Request is null)
        {
            return;
        }
        var form = await HttpContext.Request.ReadFormAsync(Aborted);
        Body = form["body"].ToString().Trim();
        var files = form.Files.GetFiles("files").Where(f => f.Length > 0).ToList();
        if (Body.Length > HelpCenterLimits.DescriptionLength || (Body.Length == 0 && files.Count == 0))
        {
            Errors["body"] = H["Error.Reply", HelpCenterLimits.DescriptionLength];
        }
        if (UploadRules.Check(files, Options.Value, H) is { } fileError)
        {
            Errors["files"] = fileError;
        }
        if (Errors.Count > 0)
        {
            return;
        }
        var customer = Customer;
        var landed = await WriteAsync(s => s.GetRequiredService<HelpCenterRequests>().ReplyAsync(customer, Number, Body, files, Aborted));
        Navigation.NavigateTo($"{Root}/requests/{landed ?? Number}?replied=true", forceLoad: true);
    }

    private static string Size(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MB" : bytes >= 1024 ? $"{bytes / 1024.0:0.#} KB" : $"{bytes} B";
}
