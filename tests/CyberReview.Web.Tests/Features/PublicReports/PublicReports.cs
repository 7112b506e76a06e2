using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CyberReview.Web.Tests.Features.PublicReports;

/// <summary>Reports sent the way the public sends them: the page's form, or the public API.</summary>
internal static partial class PublicReports
{
    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public static HttpClient Anonymous(CyberReviewApp app) => app.CreateClient(new() { AllowAutoRedirect = false });

    public static MultipartFormDataContent Form(string concern, string? productId = null, string? productText = "Acme smart meter", string? contact = null,
        byte[]? file = null, string? website = null, string version = "1.2")
    {
        var form = new MultipartFormDataContent();
        form.Add(new StringContent(concern), "concern");
        if (productId is not null)
            form.Add(new StringContent(productId), "productId");
        if (productText is not null)
            form.Add(new StringContent(productText), "productText");
        form.Add(new StringContent(version), "versionText");
        if (contact is not null)
            form.Add(new StringContent(contact), "contact");
        if (website is not null)
            form.Add(new StringContent(website), "website");
        if (file is not null)
        {
            var content = new ByteArrayContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, "file", "evidence.pdf");
        }
        return form;
    }

    public static async Task<string> SentAsync(HttpClient client, MultipartFormDataContent form)
    {
        var response = await client.PostAsync("/api/v1/public-reports", form);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receiptNumber").GetString()!;
    }

    public static string Normal(string receipt) => receipt.Replace("-", "", StringComparison.Ordinal);

    public static string ReceiptOn(string html)
    {
        var match = ReceiptField().Match(html);
        Assert.True(match.Success, "No receipt number was shown.");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("data-testid=\"receipt\">([0-9A-Z-]+)<")]
    private static partial Regex ReceiptField();
}
