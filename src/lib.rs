//! newslens: a desktop explorer for folders of news articles. It reads each article, finds who
//! is quoted saying what and the figures it mentions, and charts those figures.
//!
//! Start reading at [`corpus`] (articles and folder loading), then [`extract`] (the figures and
//! quotes engines), [`search`] (queries, filters, keyword-in-context lines) and [`export`]
//! (chart description, JSON, atomic files); these four have no GUI code. [`app`] holds the
//! window's state and logic, [`ui`] draws it, [`render`] renders a chart off-screen for
//! exports, [`cli`] is the command line, [`desktop`] the menu entry and icons for Linux
//! desktops.

pub mod app;
pub mod cli;
pub mod corpus;
pub mod desktop;
pub mod export;
pub mod extract;
pub mod render;
pub mod search;
pub mod ui;
