#pragma once

#include <QTableView>

class DataTableModel;
class QAction;

// The data table as the window shows it: the model's columns sized to their numbers and a
// font that follows presentation mode (which keeps the rows and columns
// that matter). Inputs and targets
// are edited in place (double-click or F2); the context menu, Insert and Delete add a copy of the
// current sample or remove the selected ones. The model turns each into a new data set for the
// worker.
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
    QAction *duplicateSampleAction() const { return m_duplicateSample; }
    QAction *removeSamplesAction() const { return m_removeSamples; }

signals:
    // The user picked a sample row (a click, or Up/Down): the one to explain.
    void sampleChosen(long sample);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void chooseCurrentRow();
    void applyFont();
    void showColumns();
    void showRows();
    void createEditActions();

    DataTableModel *m_model = nullptr;
    QAction *m_duplicateSample = nullptr;
    QAction *m_removeSamples = nullptr;
    double m_scale = 1.0;
    bool m_hidesRows = false;
};
