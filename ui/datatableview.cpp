#include "datatableview.h"

#include "datatablemodel.h"
#include "theme.h"

#include <QHeaderView>

DataTableView::DataTableView(QWidget *parent)
    : QTableView(parent), m_model(new DataTableModel(this))
{
    setModel(m_model);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setAlternatingRowColors(false); // the batch highlight is the only row colour
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    applyFont();
}

void DataTableView::setScale(double scale)
{
    m_scale = Theme::clampScale(scale);
    applyFont();
}

void DataTableView::applyFont()
{
    const QFont font = Theme::font(baseFontPixelSize * m_scale);
    setFont(font);
    horizontalHeader()->setFont(font);
    verticalHeader()->setFont(font);
}
