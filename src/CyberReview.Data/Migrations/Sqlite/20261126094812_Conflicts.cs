using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CyberReview.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Conflicts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConflictDeclarations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProviderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    DeclaredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    WithdrawnAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConflictDeclarations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConflictDeclarations_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ConflictDeclarations_Organisations_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConflictDeclarations_ProviderId_UserId",
                table: "ConflictDeclarations",
                columns: new[] { "ProviderId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_ConflictDeclarations_UserId",
                table: "ConflictDeclarations",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConflictDeclarations");
        }
    }
}
