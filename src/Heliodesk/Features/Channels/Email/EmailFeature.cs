using System.Text;

namespace Heliodesk.Features.Channels.Email;

public static class EmailFeature
{
    public static IHostApplicationBuilder AddEmail(this IHostApplicationBuilder builder)
    {
        // Windows-125x, GB2312/GBK, Big5, Shift_JIS, EUC-KR, KOI8-R…: .NET ships them, but only registered they decode.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var services = builder.Services;
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section);
        services.AddSingleton<MailboxSecrets>();
        services.AddSingleton<MailConnections>();
        services.AddSingleton<InboundMailProcessor>();
        services.AddSingleton<MailboxFetcher>();
        services.AddHostedService<MailboxWatcher>();
        services.AddScoped<InboundContent>();
        services.AddScoped<InboundFiling>();
        services.AddScoped<MailThreading>();
        services.AddScoped<Acknowledgements>();
        services.AddScoped<CustomerEmail>();
        services.AddScoped<Tickets.IReplyChannel, EmailReplies>();
        services.AddScoped<Outbox.IOutboxHandler, EmailSendHandler>();
        services.AddSingleton<Outbox.IRetentionSweep, DevMailboxSweep>();
        return builder;
    }

    public static RouteGroupBuilder MapEmailEndpoints(this RouteGroupBuilder api) =>
        api.MapMailboxApi().MapAcknowledgementTemplateApi().MapDevMailboxApi().MapTicketEmailApi();
}
