using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CyberReview.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AdvisoryImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ImportedAdvisories",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AdvisoryId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Modified = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ModifiedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Withdrawn = table.Column<bool>(type: "INTEGER", nullable: false),
                    ImportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    OsvJson = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportedAdvisories", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ImportedAdvisoryPackages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AdvisoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Ecosystem = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportedAdvisoryPackages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportedAdvisoryPackages_ImportedAdvisories_AdvisoryId",
                        column: x => x.AdvisoryId,
                        principalTable: "ImportedAdvisories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ImportedAdvisories_AdvisoryId",
                table: "ImportedAdvisories",
                column: "AdvisoryId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImportedAdvisoryPackages_AdvisoryId",
                table: "ImportedAdvisoryPackages",
                column: "AdvisoryId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportedAdvisoryPackages_Ecosystem_Name",
                table: "ImportedAdvisoryPackages",
                columns: new[] { "Ecosystem", "Name" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ImportedAdvisoryPackages");

            migrationBuilder.DropTable(
                name: "ImportedAdvisories");
        }
    }
}
