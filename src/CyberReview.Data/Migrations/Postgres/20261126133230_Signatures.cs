using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CyberReview.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Signatures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EvidenceSha256",
                table: "ReportFinding",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<byte[]>(
                name: "Signature",
                table: "EvaluationReports",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignatureKeyId",
                table: "EvaluationReports",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignedPayloadSha256",
                table: "EvaluationReports",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "Signature",
                table: "Decisions",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignatureKeyId",
                table: "Decisions",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignedPayloadSha256",
                table: "Decisions",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SigningKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    KeyId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectPublicKeyInfo = table.Column<byte[]>(type: "bytea", nullable: false),
                    ProtectedPrivateKey = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RetiredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SigningKeys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SigningKeys_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SigningKeys_KeyId",
                table: "SigningKeys",
                column: "KeyId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SigningKeys_OrganisationId",
                table: "SigningKeys",
                column: "OrganisationId",
                unique: true,
                filter: "\"RetiredAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SigningKeys");

            migrationBuilder.DropColumn(
                name: "EvidenceSha256",
                table: "ReportFinding");

            migrationBuilder.DropColumn(
                name: "Signature",
                table: "EvaluationReports");

            migrationBuilder.DropColumn(
                name: "SignatureKeyId",
                table: "EvaluationReports");

            migrationBuilder.DropColumn(
                name: "SignedPayloadSha256",
                table: "EvaluationReports");

            migrationBuilder.DropColumn(
                name: "Signature",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "SignatureKeyId",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "SignedPayloadSha256",
                table: "Decisions");
        }
    }
}
