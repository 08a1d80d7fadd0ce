#pragma once

#include <QTableView>

class DataTableModel;

// The data table as the window shows it: the model's columns sized to their numbers and a
// font that follows presentation mode.
class DataTableView : public QTableView
{
    Q_OBJECT

public:
    static constexpr double baseFontPixelSize = 14.0;

    explicit DataTableView(QWidget *parent = nullptr);

    DataTableModel *dataModel() const { return m_model; }
    double scale() const { return m_scale; }
    // Presentation mode: multiplies the font size of the cells and headers.
    void setScale(double scale);

private:
    void applyFont();

    DataTableModel *m_model = nullptr;
    double m_scale = 1.0;
};
